import { z } from 'zod';
import { ImageType, MAX_IMAGE_BYTES, MediaRef } from '../../domain/media';
import { channel } from '../channel';

export const MediaImportInput = z
  .object({
    fileName: z.string().max(255),
    /**
     * The type the picker reported (browsers take it from the file name). A hint only: the store
     * decides the type from the bytes, so a PNG named `photo.jpg` is stored as a PNG.
     */
    mimeType: ImageType.optional(),
    dataBase64: z
      .string()
      .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4, `Images are limited to ${MAX_IMAGE_BYTES / 1024 / 1024} MB`),
  })
  .strict();
export type MediaImportInput = z.infer<typeof MediaImportInput>;

export const mediaChannels = {
  /** Stores an image in the data directory under its content hash (the same image is stored once). */
  'media:import': channel(MediaImportInput, MediaRef),
};
