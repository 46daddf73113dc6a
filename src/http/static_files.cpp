#include "http/static_files.h"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace atb::http {
namespace fs = std::filesystem;

std::string_view mime_type(std::string_view path) {
  const size_t dot = path.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::load(const std::string& dir) {
  StaticFiles out;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in.good() && !in.eof()) return Error::internal("cannot read " + entry.path().string());
    File f;
    f.content = buf.str();
    const std::string rel = "/" + fs::relative(entry.path(), dir).generic_string();
    f.content_type = std::string(mime_type(rel));
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(f.content.data()),
                       f.content.size(), nullptr, 0);
    std::string hex;
    for (unsigned char b : hash) hex += fmt::format("{:02x}", b);
    f.etag = "\"" + hex + "\"";
    f.immutable = rel.rfind("/assets/", 0) == 0;
    out.files_.emplace(rel, std::move(f));
  }
  return out;
}

Response StaticFiles::answer(const File& file, const Request& request) const {
  Response r;
  r.headers.emplace_back("ETag", file.etag);
  r.headers.emplace_back("Cache-Control",
                         file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (auto inm = request.header("if-none-match"); inm && *inm == file.etag) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = file.content_type;
  r.body = request.method == Method::head ? std::string{} : file.content;
  return r;
}

Response StaticFiles::serve(const Request& request) const {
  const std::string& path = request.path;
  const bool hostile = path.find('\0') != std::string::npos ||
                       path.find('\\') != std::string::npos ||
                       path.find("/../") != std::string::npos || path.ends_with("/..") ||
                       path.find("/./") != std::string::npos || path.ends_with("/.");
  if (hostile) {
    return problem(400, {"Adrese satur neatļautus ceļa elementus.", "The path contains forbidden segments."},
                   request.lang, request.request_id);
  }
  if (auto it = files_.find(path == "/" ? "/index.html" : path); it != files_.end()) {
    return answer(it->second, request);
  }
  const size_t slash = path.rfind('/');
  const bool client_route = path.find('.', slash == std::string::npos ? 0 : slash) == std::string::npos;
  if (client_route) {
    if (auto index = files_.find("/index.html"); index != files_.end()) {
      return answer(index->second, request);
    }
  }
  return problem(404, {"Fails nav atrasts.", "File not found."}, request.lang, request.request_id);
}

}  // namespace atb::http
