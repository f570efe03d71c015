import type { SourceFormat } from '../model/article'
import { AppError } from './errors'

const FORMATS: Record<string, SourceFormat> = {
  'text/plain': 'text',
  'application/json': 'json',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
}

/** Maps a request Content-Type to the format its body is parsed as; 415 for anything else. */
export function uploadFormat(contentType: string | undefined): SourceFormat {
  const [type = '', ...params] = (contentType ?? '')
    .split(';')
    .map((part) => part.trim().toLowerCase())
  const format = FORMATS[type]
  if (!format) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `Content-Type "${type || '(none)'}" is not accepted; send ${Object.keys(FORMATS).join(' or ')}.`,
    )
  }
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replaceAll('"', '')
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
    throw new AppError(
      415,
      'unsupported_charset',
      `charset "${charset}" is not accepted; send UTF-8.`,
    )
  }
  return format
}
