import { z } from 'zod';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export const ImageType = z.enum(IMAGE_TYPES);
export type ImageType = z.infer<typeof ImageType>;

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Where the media store keeps an image, relative to the data directory: `media/<sha256>.<ext>`. */
export const MEDIA_SRC = /^media\/[0-9a-f]{64}\.(jpg|png|gif|webp)$/;

/** An image stored once in the data directory under its content hash. */
export const MediaRef = z.object({
  /** Relative to the data directory and to the app's origin: `media/<sha256>.<ext>`. */
  src: z.string().regex(MEDIA_SRC),
  mimeType: ImageType,
  bytes: z.number().int().positive(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
});
export type MediaRef = z.infer<typeof MediaRef>;
