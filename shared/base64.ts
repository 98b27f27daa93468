/** Whether a string is standard, padded base64 of at least one byte (how Azure prints keys). */
export function isBase64Key(value: string): boolean {
  return value.length >= 4 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}
