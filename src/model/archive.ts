/** One month of the archive: `YYYY-MM` and how many published articles it has. */
export interface MonthCount {
  month: string
  count: number
}
