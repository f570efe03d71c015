import { AppError } from '../errors'

/** An R2 call, its failure a 503 the caller may retry (R2 is storage, like D1). */
export async function reach<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof AppError) throw error
    console.error('R2 unavailable', String(error))
    throw new AppError(503, 'unavailable', 'Storage is unavailable; retry shortly.', {
      'Retry-After': '5',
    })
  }
}
