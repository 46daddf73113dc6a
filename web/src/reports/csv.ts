// CSV written in the browser, the way the server writes it (src/core/tabular_export.h) so Latvian
// Excel opens it directly: UTF-8 with a BOM, ';' between cells, CRLF after each row, a cell quoted
// (quotes doubled) when it holds the delimiter, '"', CR or LF, and every cell neutralised against
// formula injection. Pure except downloadCsv, which hands the text to the browser as a file.

/** The cell text made safe against formula injection: a leading = + - @, tab or CR gets a ' in front. */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function csvCell(value: string | number, delimiter: string): string {
  const safe = neutraliseCell(String(value))
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A CSV document of `header` and `rows` (with the BOM). */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number)[])[], delimiter = ';'): string {
  const line = (cells: readonly (string | number)[]) => cells.map((c) => csvCell(c, delimiter)).join(delimiter) + '\r\n'
  return '\uFEFF' + line(header) + rows.map(line).join('')
}

/** Offers `text` to the user as the file `filename` (text/csv, UTF-8). */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
