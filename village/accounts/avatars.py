"""Avatar uploads: only real JPEG, PNG or WebP images, re-encoded without their metadata."""

import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs long before they fill memory
LARGE, SMALL = 256, 64


def process_avatar(upload) -> dict[str, ContentFile]:
    """Check an upload and return square WebP files at the two sizes the site shows."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError("That picture is over 5 MB. Please choose a smaller one.")
    try:
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ALLOWED_FORMATS:
            raise ValidationError("Please upload a JPEG, PNG or WebP picture.")
        if width * height > MAX_PIXELS:
            raise ValidationError(
                "That picture is too large in pixels. Please choose a smaller one."
            )
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)  # keep the orientation, drop the EXIF
            image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            side = min(image.size)
            square = ImageOps.fit(image, (side, side), method=Image.Resampling.LANCZOS)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError("We couldn't read that file as a picture.") from error

    token = secrets.token_hex(6)
    files = {}
    for label, size in (("large", LARGE), ("small", SMALL)):
        resized = square.resize((size, size), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        resized.save(buffer, format="WEBP", quality=85, method=4)  # no exif/icc passed on
        files[label] = ContentFile(buffer.getvalue(), name=f"{token}-{size}.webp")
    return files
