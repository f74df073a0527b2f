import { IMAGE_TYPES, MAX_IMAGE_BYTES } from '../../shared/domain/media';
import type { MediaImportInput } from '../../shared/ipc/contract';

/**
 * Reads a picked file into the `media:import` input, refusing one that is too large. Its type is not
 * judged here: `file.type` only reflects the name, and the store decides from the bytes (a PNG named
 * `.jpg` is fine; an SVG or PDF renamed `.jpg` is refused with a message saying what it is).
 */
export async function readImageFile(file: File): Promise<MediaImportInput> {
  if (file.size > MAX_IMAGE_BYTES)
    throw new Error(`${file.name} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
  const mimeType = IMAGE_TYPES.find((type) => type === file.type);
  return {
    fileName: file.name,
    ...(mimeType && { mimeType }),
    dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1),
  };
}
