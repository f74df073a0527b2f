import { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageType } from '../../shared/domain/media';
import type { MediaImportInput } from '../../shared/ipc/contract';

/** Reads a picked file into the `media:import` input, refusing what the store would refuse anyway. */
export async function readImageFile(file: File): Promise<MediaImportInput> {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    throw new Error(`${file.name} is not a JPEG, PNG, GIF or WebP image.`);
  }
  if (file.size > MAX_IMAGE_BYTES)
    throw new Error(`${file.name} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
  return {
    fileName: file.name,
    mimeType: file.type as ImageType,
    dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1),
  };
}
