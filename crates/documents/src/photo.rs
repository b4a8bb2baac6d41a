//! Photos of stories: only JPEG and PNG up to [`MAX_BYTES`], read as containers and written
//! back without the metadata a camera or phone adds (EXIF with the place it was taken, XMP,
//! text chunks), so that a published photo tells no more than its picture.

use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::{Bytes, ImageEXIF};

/// The largest photo accepted.
pub const MAX_BYTES: usize = 3 * 1024 * 1024;
/// The largest side accepted, in pixels.
pub const MAX_SIDE: usize = 8000;

/// A photo ready to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanPhoto {
    /// `image/jpeg` or `image/png`.
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
    pub width: usize,
    pub height: usize,
}

/// Why a photo was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("the photo is larger than {MAX_BYTES} bytes")]
    TooLarge,
    #[error("not a JPEG or PNG photo")]
    NotAPhoto,
    #[error("the photo is larger than {MAX_SIDE} pixels on a side")]
    TooManyPixels,
}

/// Checks a photo and removes its metadata.
pub fn clean(raw: &[u8]) -> Result<CleanPhoto, PhotoError> {
    if raw.len() > MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let input = Bytes::copy_from_slice(raw);
    let (content_type, bytes) = if raw.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let mut jpeg = Jpeg::from_bytes(input).map_err(|_| PhotoError::NotAPhoto)?;
        jpeg.set_exif(None);
        // APP1 holds EXIF and XMP, APP13 Photoshop's IPTC, COM free text; the colour profile
        // (APP2) stays, or colours would shift.
        jpeg.segments_mut().retain(|s| !matches!(s.marker(), markers::APP1 | markers::APP13 | markers::COM));
        ("image/jpeg", jpeg.encoder().bytes())
    } else if raw.starts_with(b"\x89PNG\r\n\x1a\n") {
        let mut png = Png::from_bytes(input).map_err(|_| PhotoError::NotAPhoto)?;
        png.set_exif(None);
        png.chunks_mut().retain(|c| !matches!(&c.kind(), b"tEXt" | b"iTXt" | b"zTXt" | b"eXIf" | b"tIME"));
        ("image/png", png.encoder().bytes())
    } else {
        return Err(PhotoError::NotAPhoto);
    };
    let size = imagesize::blob_size(&bytes).map_err(|_| PhotoError::NotAPhoto)?;
    if size.width == 0 || size.height == 0 {
        return Err(PhotoError::NotAPhoto);
    }
    if size.width > MAX_SIDE || size.height > MAX_SIDE {
        return Err(PhotoError::TooManyPixels);
    }
    Ok(CleanPhoto { content_type, bytes: bytes.to_vec(), width: size.width, height: size.height })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 PNG with a text chunk naming a place.
    fn png_with_text() -> Vec<u8> {
        let mut png = Png::from_bytes(Bytes::from_static(TINY_PNG)).unwrap();
        let chunk = img_parts::png::PngChunk::new(*b"tEXt", Bytes::from_static(b"Location\0Rathaus Musterstadt"));
        let at = png.chunks().len() - 1;
        png.chunks_mut().insert(at, chunk);
        png.encoder().bytes().to_vec()
    }

    const TINY_PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
        0x0B, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0x7A, 0x5E,
        0xAB, 0x3F, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    #[test]
    fn a_photo_loses_its_metadata_and_keeps_its_picture() {
        let raw = png_with_text();
        assert!(raw.windows(7).any(|w| w == b"Rathaus"));
        let clean = clean(&raw).unwrap();
        assert_eq!((clean.content_type, clean.width, clean.height), ("image/png", 1, 1));
        assert!(!clean.bytes.windows(7).any(|w| w == b"Rathaus"));
        assert!(clean.bytes.windows(4).any(|w| w == b"IDAT"));
    }

    #[test]
    fn only_photos_are_taken() {
        assert_eq!(clean(b"GIF89a...."), Err(PhotoError::NotAPhoto));
        assert_eq!(clean(b"<svg onload=alert(1)>"), Err(PhotoError::NotAPhoto));
        assert_eq!(clean(&vec![0xFF; MAX_BYTES + 1]), Err(PhotoError::TooLarge));
        assert_eq!(clean(&TINY_PNG[..20]), Err(PhotoError::NotAPhoto));
    }
}
