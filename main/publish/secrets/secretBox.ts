/** Seals and opens publish credentials; each host picks where the key lives. */
export interface SecretBox {
  seal(text: string): string;
  open(sealed: string): string;
}
