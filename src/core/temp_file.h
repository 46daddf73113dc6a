// A uniquely named temporary file that is removed when it goes out of scope (exports that a
// library must write to disk first, e.g. XLSX).
#pragma once

#include <string>
#include <string_view>

namespace atb {

/// An empty file "DIR/atbalsts-export-XXXXXX<suffix>" in TMPDIR (or /tmp), created at once
/// (mkstemps) and unlinked by the destructor. Not copyable.
class TempFile {
 public:
  explicit TempFile(std::string_view suffix = "");
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  /// Whether the file was created.
  bool ok() const { return !path_.empty(); }
  /// Its path ("" when not created).
  const std::string& path() const { return path_; }
  /// The directory it is in (also when creation failed, for the message).
  std::string& dir() { return dir_; }

 private:
  std::string dir_;
  std::string path_;
};

}  // namespace atb
