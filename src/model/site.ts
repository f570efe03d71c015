/** What a page needs to know about the site it is part of. */
export interface Site {
  name: string
  /** Scheme, host and port without a trailing slash, e.g. `http://127.0.0.1:8787`. */
  origin: string
}
