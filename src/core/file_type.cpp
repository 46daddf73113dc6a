#include "core/file_type.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <utility>

#include "core/csv.h"

namespace atb {
namespace {

using namespace std::string_view_literals;

// ---- Small readers ----------------------------------------------------------------------------

bool starts(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

std::uint32_t le(std::string_view b, std::size_t at, int width) {
  std::uint32_t v = 0;
  for (int i = width - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}
std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(le(b, at, 2));
}
std::uint32_t u32(std::string_view b, std::size_t at) { return le(b, at, 4); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && lowered(s.substr(s.size() - suffix.size())) == suffix;
}

FileType allowed(std::string mime, std::string extension) {
  return {std::move(mime), std::move(extension), FileRefusal::none};
}
FileType refused(std::string mime, FileRefusal why) { return {std::move(mime), "", why}; }

// ---- Fixed signatures -------------------------------------------------------------------------

/// A type known by its first bytes: the magic, how many bytes a whole header needs (fewer is a
/// truncated file), and what it is.
struct Signature {
  std::string_view magic;
  std::size_t header;
  std::string_view mime, extension;
  FileRefusal refusal;
};

constexpr std::array<Signature, 17> kSignatures{{
    {"%PDF-", 8, "application/pdf", "pdf", FileRefusal::none},
    {"\x89PNG\r\n\x1a\n", 16, "image/png", "png", FileRefusal::none},
    {"\xff\xd8\xff", 4, "image/jpeg", "jpg", FileRefusal::none},
    {"GIF87a", 13, "image/gif", "gif", FileRefusal::none},
    {"GIF89a", 13, "image/gif", "gif", FileRefusal::none},
    {"II*\0"sv, 8, "image/tiff", "tif", FileRefusal::none},
    {"MM\0*"sv, 8, "image/tiff", "tif", FileRefusal::none},
    {"{\\rtf", 6, "application/rtf", "rtf", FileRefusal::none},
    {"MZ", 2, "application/x-msdownload", "", FileRefusal::executable},
    {"\x7f" "ELF", 4, "application/x-executable", "", FileRefusal::executable},
    {"\xfe\xed\xfa\xce", 4, "application/x-mach-binary", "", FileRefusal::executable},
    {"\xfe\xed\xfa\xcf", 4, "application/x-mach-binary", "", FileRefusal::executable},
    {"\xce\xfa\xed\xfe", 4, "application/x-mach-binary", "", FileRefusal::executable},
    {"\xcf\xfa\xed\xfe", 4, "application/x-mach-binary", "", FileRefusal::executable},
    {"\xca\xfe\xba\xbe", 4, "application/java-vm", "", FileRefusal::executable},
    {"\0asm"sv, 4, "application/wasm", "", FileRefusal::executable},
    {"#!", 2, "text/x-script", "", FileRefusal::executable},
}};

/// Further checks of a header that matched its magic: a PNG starts with its IHDR chunk, a JPEG's
/// fourth byte is a marker. (The length is already checked.)
bool header_sound(const Signature& s, std::string_view b) {
  if (s.extension == "png") return b.substr(12, 4) == "IHDR";
  if (s.extension == "jpg") return static_cast<unsigned char>(b[3]) >= 0xC0;
  return true;
}

std::optional<FileType> by_signature(std::string_view b) {
  for (const Signature& s : kSignatures) {
    if (!starts(b, s.magic)) continue;
    if (b.size() < s.header || !header_sound(s, b)) {
      return refused("application/octet-stream", FileRefusal::unknown);
    }
    return FileType{std::string(s.mime), std::string(s.extension), s.refusal};
  }
  if (starts(b, "RIFF")) {  // WebP, or another RIFF file (WAV, AVI), or a truncated one
    const std::string_view chunk = b.size() >= 16 ? b.substr(12, 4) : "";
    if (b.size() >= 16 && b.substr(8, 4) == "WEBP" &&
        (chunk == "VP8 " || chunk == "VP8L" || chunk == "VP8X")) {
      return allowed("image/webp", "webp");
    }
    return refused("application/octet-stream", FileRefusal::unknown);
  }
  return std::nullopt;
}

// ---- ZIP: OOXML and OpenDocument --------------------------------------------------------------

/// What the entry names of a ZIP say about it.
struct ZipEntries {
  bool content_types = false;  // "[Content_Types].xml"
  bool word = false, xl = false, ppt = false;
  bool macros = false;         // a VBA project or OpenDocument Basic/Scripts
  bool any = false;

  void add(std::string_view name) {
    any = true;
    content_types = content_types || name == "[Content_Types].xml";
    word = word || starts(name, "word/");
    xl = xl || starts(name, "xl/");
    ppt = ppt || starts(name, "ppt/");
    macros = macros || ends_with_ci(name, "vbaproject.bin") || starts(name, "Basic/") ||
             starts(name, "Scripts/");
  }
};

constexpr std::string_view kLocal = "PK\3\4", kCentral = "PK\1\2", kEnd = "PK\5\6";

/// The entry names from the central directory, when the end record is in `b` and sound.
std::optional<ZipEntries> central_entries(std::string_view b) {
  if (b.size() < 22) return std::nullopt;
  const std::size_t floor = b.size() > 22 + 0xFFFF ? b.size() - 22 - 0xFFFF : 0;
  std::size_t end = b.rfind(kEnd);
  if (end == std::string_view::npos || end < floor || end + 22 > b.size()) return std::nullopt;
  const std::size_t count = u16(b, end + 10), size = u32(b, end + 12), start = u32(b, end + 16);
  if (start > end || size > end - start) return std::nullopt;  // also ZIP64's 0xFFFFFFFF
  ZipEntries entries;
  std::size_t at = start;
  for (std::size_t i = 0; i < count; ++i) {
    if (at + 46 > end || b.substr(at, 4) != kCentral) return std::nullopt;
    const std::size_t name = u16(b, at + 28), extra = u16(b, at + 30), comment = u16(b, at + 32);
    if (at + 46 + name > end) return std::nullopt;
    entries.add(b.substr(at + 46, name));
    at += 46 + name + extra + comment;
  }
  return entries;
}

/// The entry names from the local file headers, as far as `b` reaches. An entry whose size
/// follows its data (flag bit 3) ends where the next header is found.
ZipEntries local_entries(std::string_view b) {
  ZipEntries entries;
  std::size_t at = 0;
  while (at + 30 <= b.size() && b.substr(at, 4) == kLocal) {
    const std::size_t name = u16(b, at + 26), extra = u16(b, at + 28);
    if (at + 30 + name > b.size()) break;
    entries.add(b.substr(at + 30, name));
    const bool descriptor = (u16(b, at + 6) & 0x8) != 0;  // sizes follow the data
    at += 30 + name + extra + u32(b, at + 18);
    if (descriptor) at = b.find(kLocal, std::min(at, b.size()));
    if (at == std::string_view::npos) break;
  }
  return entries;
}

/// The OpenDocument type in a first stored entry "mimetype", or "".
std::string_view odf_mimetype(std::string_view b) {
  if (b.size() < 38 || u16(b, 26) != 8 || b.substr(30, 8) != "mimetype" || u16(b, 8) != 0) {
    return {};
  }
  const std::size_t data = 38 + u16(b, 28), size = u32(b, 18);
  if (size > 100 || data + size > b.size()) return {};
  return b.substr(data, size);
}

FileType zip_type(std::string_view b) {
  const auto central = central_entries(b);
  const ZipEntries e = central ? *central : local_entries(b);
  const std::string_view odf = odf_mimetype(b);
  const bool odt = odf == "application/vnd.oasis.opendocument.text";
  const bool ods = odf == "application/vnd.oasis.opendocument.spreadsheet";
  const int ooxml_parts = int{e.word} + int{e.xl} + int{e.ppt};
  const bool ooxml = e.content_types && ooxml_parts == 1;
  if ((odt || ods || ooxml) && e.macros) {
    return refused("application/vnd.ms-office.macroEnabled", FileRefusal::macros);
  }
  if (odt) return allowed(std::string(odf), "odt");
  if (ods) return allowed(std::string(odf), "ods");
  if (ooxml && e.word) {
    return allowed("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                   "docx");
  }
  if (ooxml && e.xl) {
    return allowed("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
  }
  if (ooxml && e.ppt) {
    return allowed("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                   "pptx");
  }
  return refused("application/zip", e.any || b.size() >= 22 ? FileRefusal::archive
                                                            : FileRefusal::unknown);
}

// ---- OLE2 (compound file): DOC and XLS --------------------------------------------------------

constexpr std::string_view kOle = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// The ASCII name of the directory entry at `at` when it looks like one (a sane UTF-16LE name
/// length and object type), else "".
std::string ole_entry_name(std::string_view b, std::size_t at) {
  const std::size_t bytes = u16(b, at + 64);
  const auto kind = static_cast<unsigned char>(b[at + 66]);
  if (bytes < 4 || bytes > 64 || bytes % 2 != 0 || (kind != 1 && kind != 2 && kind != 5)) {
    return {};
  }
  std::string name;
  for (std::size_t i = 0; i + 2 < bytes; i += 2) {  // the length counts the terminating NUL
    if (b[at + i + 1] != '\0') return {};
    name += b[at + i];
  }
  return name;
}

FileType ole_type(std::string_view b) {
  if (b.size() < 512) return refused("application/octet-stream", FileRefusal::unknown);
  const int shift = u16(b, 30);
  if (shift != 9 && shift != 12) return refused("application/octet-stream", FileRefusal::unknown);
  bool word = false, excel = false, macros = false;
  // Directory entries are 128 bytes and sectors start at multiples of the sector size, so every
  // entry lies at a multiple of 128 after the header sector.
  for (std::size_t at = std::size_t{1} << shift; at + 128 <= b.size(); at += 128) {
    const std::string name = ole_entry_name(b, at);
    word = word || name == "WordDocument";
    excel = excel || name == "Workbook" || name == "Book";
    macros = macros || name == "Macros" || name == "_VBA_PROJECT_CUR" || name == "VBA";
  }
  if ((word || excel) && macros) {
    return refused("application/vnd.ms-office.macroEnabled", FileRefusal::macros);
  }
  if (word && !excel) return allowed("application/msword", "doc");
  if (excel && !word) return allowed("application/vnd.ms-excel", "xls");
  return refused("application/x-ole-storage", FileRefusal::archive);
}

// ---- Plain text -------------------------------------------------------------------------------

/// Openings of markup a browser would render (HTML, SVG, XML), searched case-insensitively.
constexpr std::array<std::string_view, 12> kMarkup{
    "<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml",
    "<iframe",   "<object", "<embed", "<meta", "<xml"};

/// `b` without a UTF-8 sequence cut off at its end (at most three bytes).
std::string_view without_cut_sequence(std::string_view b) {
  for (std::size_t back = 1; back <= 3 && back <= b.size(); ++back) {
    const auto c = static_cast<unsigned char>(b[b.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? b.substr(0, b.size() - back) : b;
  }
  return b;
}

FileType text_type(std::string_view b) {
  if (starts(b, "\xef\xbb\xbf")) b.remove_prefix(3);
  const std::string head = lowered(b.substr(0, kFileSniffBytes));
  const auto first = head.find_first_not_of(" \t\r\n\f");
  if (first != std::string::npos && head[first] == '<') {
    return refused("text/html", FileRefusal::markup);
  }
  for (std::string_view tag : kMarkup) {
    if (head.find(tag) != std::string::npos) return refused("text/html", FileRefusal::markup);
  }
  const bool control = std::any_of(b.begin(), b.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
  });
  const std::string_view whole = b.size() >= kFileSniffBytes ? without_cut_sequence(b) : b;
  if (control || !csv::valid_utf8(whole)) {
    return refused("application/octet-stream", FileRefusal::unknown);
  }
  return allowed("text/plain; charset=utf-8", "txt");
}

// ---- Upload check -----------------------------------------------------------------------------

Error unsupported(Text why) {
  Error e{Errc::unsupported,
          {"Šāda veida failu pievienot nevar.", "This kind of file cannot be attached."},
          {},
          {}};
  e.fields.push_back(FieldError{"file", std::move(why)});
  return e;
}

Text refusal_text(FileRefusal why) {
  switch (why) {
    case FileRefusal::empty:
      return {"Fails ir tukšs.", "The file is empty."};
    case FileRefusal::executable:
      return {"Programmas un skriptus pievienot nedrīkst.",
              "Programs and scripts may not be attached."};
    case FileRefusal::markup:
      return {"HTML, SVG un XML failus pievienot nedrīkst.",
              "HTML, SVG and XML files may not be attached."};
    case FileRefusal::archive:
      return {"Arhīvus un citus konteinerfailus pievienot nedrīkst.",
              "Archives and other container files may not be attached."};
    case FileRefusal::macros:
      return {"Dokumentus ar makrokomandām pievienot nedrīkst.",
              "Documents with macros may not be attached."};
    case FileRefusal::none:
    case FileRefusal::unknown:
      break;
  }
  return {"Atļauti ir PDF, attēli (PNG, JPEG, GIF, WebP, TIFF), biroja dokumenti (DOCX, XLSX, "
          "PPTX, ODT, ODS, DOC, XLS), RTF un teksta faili.",
          "Allowed are PDF, images (PNG, JPEG, GIF, WebP, TIFF), office documents (DOCX, XLSX, "
          "PPTX, ODT, ODS, DOC, XLS), RTF and text files."};
}

}  // namespace

FileType detect_file_type(std::string_view b) {
  if (b.empty()) return refused("application/x-empty", FileRefusal::empty);
  if (auto t = by_signature(b)) return *t;
  if (starts(b, kLocal) || starts(b, kEnd)) return zip_type(b);
  if (starts(b, kOle)) return ole_type(b);
  return text_type(b);
}

std::string file_extension(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return lowered(name.substr(dot + 1));
}

bool extension_matches(std::string_view claimed, const FileType& type) {
  if (!type.allowed()) return false;
  if (claimed.empty() || claimed == type.extension) return true;
  using List = std::initializer_list<std::string_view>;
  const auto any_of = [claimed](List names) {
    return std::find(names.begin(), names.end(), claimed) != names.end();
  };
  if (type.extension == "jpg") return any_of({"jpeg", "jpe"});
  if (type.extension == "tif") return any_of({"tiff"});
  if (type.extension == "txt") return any_of({"text", "csv", "log"});
  return false;
}

Result<FileType> check_upload(std::string_view file_name, std::string_view bytes,
                              std::uint64_t size) {
  if (size > kMaxUploadBytes) {
    Error e{Errc::too_large, {"Fails ir par lielu.", "The file is too large."}, {}, {}};
    e.fields.push_back(FieldError{"file", {"Pielikums nedrīkst pārsniegt 20 MiB.",
                                           "An attachment may not exceed 20 MiB."}});
    return e;
  }
  FileType type = detect_file_type(bytes);
  if (!type.allowed()) return unsupported(refusal_text(type.refusal));
  const std::string claimed = file_extension(file_name);
  if (!extension_matches(claimed, type)) {
    return unsupported({"Faila nosaukuma paplašinājums ." + claimed +
                            " neatbilst saturam (." + type.extension + ").",
                        "The file name's extension ." + claimed +
                            " does not match its content (." + type.extension + ")."});
  }
  return type;
}

std::string safe_file_name(std::string_view claimed_name, const FileType& type) {
  const auto slash = claimed_name.find_last_of("/\\");
  if (slash != std::string_view::npos) claimed_name.remove_prefix(slash + 1);
  const auto dot = claimed_name.rfind('.');
  if (dot != std::string_view::npos) claimed_name = claimed_name.substr(0, dot);
  std::string stem;
  std::size_t points = 0;
  for (std::size_t i = 0; i < claimed_name.size() && points < 100;) {
    const auto c = static_cast<unsigned char>(claimed_name[i]);
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    const std::string_view piece = claimed_name.substr(i, n);
    if (!csv::valid_utf8(piece)) {  // a stray byte: drop it alone
      ++i;
      continue;
    }
    i += n;
    if (n == 1 && (c < 0x20 || c == 0x7F || std::strchr("\"*:<>?|;", c) != nullptr)) continue;
    stem += piece;
    ++points;
  }
  const auto begin = stem.find_first_not_of(" .");
  const auto end = stem.find_last_not_of(" .");
  stem = begin == std::string::npos ? "fails" : stem.substr(begin, end - begin + 1);
  return type.extension.empty() ? stem : stem + "." + type.extension;
}

}  // namespace atb
