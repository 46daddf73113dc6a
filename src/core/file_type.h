// What an uploaded attachment really is, judged by its bytes, not by its name or by the type the
// browser claims. Case documents may be PDF, images (PNG, JPEG, GIF, WebP, TIFF), office documents
// (DOCX, XLSX, PPTX, ODT, ODS, legacy DOC and XLS), RTF or plain UTF-8 text. Everything else is
// refused: executables (MZ, ELF, Mach-O, WebAssembly), scripts ("#!"), HTML, SVG and other
// markup, archives that are not office documents, and office files carrying macros.
//
// ZIP-based formats are recognised from their entries: OOXML by "[Content_Types].xml" with a
// "word/", "xl/" or "ppt/" part, OpenDocument by a first entry "mimetype" holding its type. The
// central directory at the end of the file is read when it is there; otherwise the local file
// headers from the start. Legacy OLE2 files are told apart by their directory's stream names.
// Both need the whole file (an OOXML part or an OLE2 directory may lie anywhere in it), so pass
// the whole upload; every other type is recognised from its first kFileSniffBytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace atb {

/// The largest attachment the server accepts (20 MiB); larger uploads are refused with 413.
inline constexpr std::uint64_t kMaxUploadBytes = 20ull * 1024 * 1024;

/// How many leading bytes decide every type but the container formats (ZIP, OLE2), and how far
/// plain text is searched for markup.
inline constexpr std::size_t kFileSniffBytes = 4096;

/// Why content is refused.
enum class FileRefusal {
  none,        ///< allowed
  empty,       ///< no bytes at all
  executable,  ///< a program: MZ (Windows), ELF, Mach-O, Java class, WebAssembly, "#!" script
  markup,      ///< HTML, SVG, XML or another document a browser could run scripts in
  archive,     ///< a ZIP (or OLE2 file) that is not an allowed office document
  macros,      ///< an office document that carries macros (VBA)
  unknown,     ///< none of the allowed types (or a truncated header of one)
};

/// The type found in a file's bytes.
struct FileType {
  std::string mime;       ///< e.g. "application/pdf"; for refused content a best guess
                          ///< ("application/x-msdownload", "text/html", "application/octet-stream")
  std::string extension;  ///< the safe extension to store and serve it with, without a dot
                          ///< ("pdf", "docx", "txt"); empty when refused
  FileRefusal refusal = FileRefusal::unknown;

  /// Whether the content may be stored as an attachment.
  bool allowed() const { return refusal == FileRefusal::none; }
};

/// The type of the content `bytes` (the whole file, or at least its first kFileSniffBytes; see
/// above). Plain text is UTF-8 without NUL or other control characters than tab, line feed,
/// form feed and carriage return, optionally after a byte-order mark; when `bytes` is a prefix
/// of kFileSniffBytes or more, a UTF-8 sequence cut at its end is accepted.
FileType detect_file_type(std::string_view bytes);

/// The lower-case extension of a claimed file name ("Atzinums.PDF" → "pdf"; "a/b.tar.gz" → "gz");
/// empty when the name has none. Any folder part ('/' or '\\') is ignored.
std::string file_extension(std::string_view file_name);

/// Whether `claimed` (a lower-case extension without a dot) names the detected `type`: "jpg",
/// "jpeg" and "jpe" for JPEG, "tif" and "tiff" for TIFF, "txt", "text", "csv" and "log" for
/// text, otherwise exactly the type's extension. An empty claim matches every allowed type.
bool extension_matches(std::string_view claimed, const FileType& type);

/// The check an upload passes before it is stored: `size` (the whole upload's length) at most
/// kMaxUploadBytes, else Errc::too_large (413); content of an allowed type whose name's extension
/// agrees with it, else Errc::unsupported (415) saying why in Latvian and English, with the field
/// "file". On success, the detected type.
Result<FileType> check_upload(std::string_view file_name, std::string_view bytes,
                              std::uint64_t size);

/// A file name safe for a Content-Disposition header and a download folder: the claimed name
/// without folders, control characters, quotes, and characters Windows forbids, cut to 100
/// code points, its extension replaced by the detected type's; "fails" when nothing is left.
std::string safe_file_name(std::string_view claimed_name, const FileType& type);

}  // namespace atb
