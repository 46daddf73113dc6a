/** A column of AppTable: `key` names the row property shown (or the `cell-<key>` slot). */
export interface Column {
  key: string
  label: string
  align?: 'start' | 'end'
}
