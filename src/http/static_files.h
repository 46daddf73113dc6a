// The built web UI, loaded into memory at start-up and served with caching headers.
// Only files that were in the folder at start-up can ever be served, so no request path,
// however encoded, reaches the file system.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "http/request.h"
#include "http/response.h"

namespace atb::http {

/// An in-memory copy of a folder of static files (e.g. web/dist).
class StaticFiles {
 public:
  /// Reads every regular file below `dir`. A missing folder gives an empty set (API only).
  static Result<StaticFiles> load(const std::string& dir);

  bool empty() const { return files_.empty(); }
  size_t size() const { return files_.size(); }

  /// Answers GET/HEAD for `request.path`: the file, or index.html for client routes
  /// (paths without an extension), 304 on a matching If-None-Match, 400 for paths with
  /// dot-segments, backslashes or NUL, and 404 otherwise.
  Response serve(const Request& request) const;

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
    bool immutable = false;  ///< content-hashed build output under /assets/
  };

  Response answer(const File& file, const Request& request) const;

  std::unordered_map<std::string, File> files_;
};

/// The MIME type for a file name's extension.
std::string_view mime_type(std::string_view path);

}  // namespace atb::http
