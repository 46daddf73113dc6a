#include "support/pdf_text.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace atb::test {

std::string tool_output(const std::string& bytes, const std::string& before, const std::string& after) {
  char path[] = "/tmp/atbalsts-read-back-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return "";
  ::close(fd);
  std::ofstream(path, std::ios::binary) << bytes;
  std::string out;
  const std::string command = before + " '" + path + "' " + after + " 2>/dev/null";
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
  }
  ::unlink(path);
  return out;
}

std::string pdf_text(const std::string& bytes, bool layout) {
  // libharu's ToUnicode maps make poppler print harmless syntax warnings on stderr (discarded).
  return tool_output(bytes, std::string("pdftotext ") + (layout ? "-layout " : "") + "-enc UTF-8", "-");
}

std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '\r';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

int pdf_pages(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\f'));
}

}  // namespace atb::test
