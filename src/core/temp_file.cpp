#include "core/temp_file.h"

#include <unistd.h>

#include <cstdlib>

namespace atb {

TempFile::TempFile(std::string_view suffix) {
  const char* env = std::getenv("TMPDIR");
  dir_ = env && *env ? env : "/tmp";
  std::string pattern = dir_ + "/atbalsts-export-XXXXXX" + std::string(suffix);
  const int fd = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
  if (fd >= 0) {
    ::close(fd);
    path_ = pattern;
  }
}

TempFile::~TempFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace atb
