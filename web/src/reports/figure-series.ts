// Figures of the statistics API turned into what a chart and its table show: categories (codes of
// one key) and series of numbers. Pure functions, no I/O. A suppressed cell stays `null` (never a
// guess), and a sum that would include one is `null` too, or the sum less the shown parts would
// give the small number away.
import type { Figure, FigureRow } from './reports-api'

/** A cell: a number, `null` when suppressed, `undefined` when the API has no value (e.g. inhabitants not set). */
export type Cell = number | null | undefined

/** One line / set of bars: `name` is a code of the series key or the name of a count / measure. */
export interface Series {
  name: string
  values: Cell[]
}

/** What one chart and its table show: a value of every series for every category. */
export interface SeriesTable {
  /** Codes of the category key, in display order. */
  categories: string[]
  series: Series[]
}

/** The number `name` of a row; null when the row is suppressed, undefined when the value is missing. */
export function rowNumber(row: FigureRow, name: string): Cell {
  if (row.suppressed) return null
  const value = row[name]
  return typeof value === 'number' ? value : undefined
}

/** The sum of two cells: suppressed (null) wins, then missing (undefined). */
function plus(a: Cell, b: Cell): Cell {
  if (a === null || b === null) return null
  if (a === undefined || b === undefined) return undefined
  return a + b
}

/** A key's value of a row as text ('' when missing). */
function keyOf(row: FigureRow, key: string): string {
  const value = row[key]
  return value === null || value === undefined ? '' : String(value)
}

/** The distinct values of `key` in row order, those of `order` first (in that order). */
function distinct(rows: FigureRow[], key: string, order: readonly string[] = []): string[] {
  const seen = new Set<string>(order)
  const result = [...order]
  for (const row of rows) {
    const value = keyOf(row, key)
    if (!seen.has(value)) {
      seen.add(value)
      result.push(value)
    }
  }
  return result
}

/** Every year from the first to the last of `years` (a year without rows had none). */
export function yearRange(years: string[]): string[] {
  const numbers = years.map(Number).filter(Number.isInteger)
  if (numbers.length === 0) return []
  const result: string[] = []
  for (let y = Math.min(...numbers); y <= Math.max(...numbers); y++) result.push(String(y))
  return result
}

export interface PivotOptions {
  /** Categories / series always listed, in this order, before any others the rows name. */
  categories?: readonly string[]
  series?: readonly string[]
  /** The category key is a year: sorted, with the years between filled in (0). */
  years?: boolean
}

/**
 * The figure's count by `categoryKey` (x axis) and `seriesKey` (one series per code),
 * summed over the other keys. A combination without rows is 0; a sum with a suppressed part is null.
 */
export function pivot(figure: Figure, categoryKey: string, seriesKey: string, options: PivotOptions = {}): SeriesTable {
  let categories = distinct(figure.rows, categoryKey, options.categories)
  if (options.years) categories = yearRange(categories)
  const seriesNames = distinct(figure.rows, seriesKey, options.series)
  const series = seriesNames.map((name) => ({
    name,
    values: categories.map((category) =>
      sumWhere(figure.rows, figure.count, (row) => keyOf(row, categoryKey) === category && keyOf(row, seriesKey) === name),
    ),
  }))
  return { categories, series }
}

/** The sum of `value` over the rows `match` picks: 0 for none, null when one is suppressed. */
function sumWhere(rows: FigureRow[], value: string, match: (row: FigureRow) => boolean): Cell {
  let sum: Cell = 0
  for (const row of rows) if (match(row)) sum = plus(sum, rowNumber(row, value))
  return sum
}

/** One series, the figure's count, summed by the codes of `key` (those of `order` always listed, first). */
export function countBy(figure: Figure, key: string, order: readonly string[] = []): SeriesTable {
  const categories = distinct(figure.rows, key, order)
  const values = categories.map((category) => sumWhere(figure.rows, figure.count, (row) => keyOf(row, key) === category))
  return { categories, series: [{ name: figure.count, values }] }
}

/**
 * One category per row (the code of `categoryKey`), one series per name of `values` (the count
 * and / or measures): for figures whose rows are already one per category.
 */
export function measureSeries(figure: Figure, categoryKey: string, values: readonly string[]): SeriesTable {
  return {
    categories: figure.rows.map((row) => keyOf(row, categoryKey)),
    series: values.map((name) => ({ name, values: figure.rows.map((row) => rowNumber(row, name)) })),
  }
}

/** The same table without the series `names` (e.g. a chart that leaves a scale apart out). */
export function onlySeries(table: SeriesTable, names: readonly string[]): SeriesTable {
  return { categories: table.categories, series: table.series.filter((s) => names.includes(s.name)) }
}

/** True when some cell is suppressed (null). */
export function hasSuppressed(table: SeriesTable): boolean {
  return table.series.some((s) => s.values.some((v) => v === null))
}

/** True when there is nothing to show: no category, or every cell is 0 or missing (a suppressed cell is something). */
export function isEmptyTable(table: SeriesTable): boolean {
  return table.categories.length === 0 || table.series.every((s) => s.values.every((v) => v === 0 || v === undefined))
}

/** The sum of a series' cells; null when one of them is suppressed. */
export function seriesTotal(series: Series): Cell {
  return series.values.reduce<Cell>(plus, 0)
}

/** A series' cell of `category` (undefined when the table has no such category). */
export function cell(table: SeriesTable, seriesName: string, category: string): Cell {
  const index = table.categories.indexOf(category)
  const series = table.series.find((s) => s.name === seriesName)
  return index < 0 || !series ? undefined : series.values[index]
}
