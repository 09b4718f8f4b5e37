#ifndef BOOKIFY_CLIBZIP_SHIM_H
#define BOOKIFY_CLIBZIP_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libdeflate.h>
#include <zlib.h>

/* Raw deflate (no zlib header), as a zip entry holds it, with libdeflate: three times zlib's
   speed for the same size. Returns the compressed size, or 0 when `capacity` (use
   bookify_deflate_bound) was too small or memory ran out. Safe on any thread. */
static inline size_t bookify_deflate_raw(const void *input, size_t length, void *output, size_t capacity, int level) {
    struct libdeflate_compressor *compressor = libdeflate_alloc_compressor(level);
    if (!compressor) return 0;
    size_t written = libdeflate_deflate_compress(compressor, input, length, output, capacity);
    libdeflate_free_compressor(compressor);
    return written;
}

/* Raw deflate as libzip writes an entry it compresses itself (zlib, memory level 9), so that an
   entry deflated beforehand, on any thread, leaves the archive's bytes as they were. `capacity`:
   bookify_zlib_bound. Returns the compressed size, or 0 when memory ran out. */
static inline size_t bookify_deflate_raw_as_libzip(const void *input, size_t length, void *output, size_t capacity, int level) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)length;
    stream.next_out = (Bytef *)output;
    stream.avail_out = (uInt)capacity;
    int result = deflate(&stream, Z_FINISH);
    size_t written = stream.total_out;
    deflateEnd(&stream);
    return result == Z_STREAM_END ? written : 0;
}

static inline size_t bookify_zlib_bound(size_t length) {
    return compressBound((uLong)length);
}

/* Inflates raw deflate into exactly `size` bytes; returns 1 on success, 0 when the input is
   damaged or does not inflate to that size. Safe on any thread. */
static inline int bookify_inflate_raw(const void *input, size_t length, void *output, size_t size) {
    struct libdeflate_decompressor *decompressor = libdeflate_alloc_decompressor();
    if (decompressor == NULL) return 0;
    enum libdeflate_result result = libdeflate_deflate_decompress(decompressor, input, length, output, size, NULL);
    libdeflate_free_decompressor(decompressor);
    return result == LIBDEFLATE_SUCCESS;
}

/* Deflate in a zlib wrapper (RFC 1950: header, deflate, Adler-32), as a PNG's image data holds
   it. Returns the compressed size, or 0 when `capacity` (bookify_deflate_bound + 6 suffices)
   was too small or memory ran out. Safe on any thread. */
static inline size_t bookify_deflate_zlib(const void *input, size_t length, void *output, size_t capacity, int level) {
    struct libdeflate_compressor *compressor = libdeflate_alloc_compressor(level);
    if (!compressor) return 0;
    size_t written = libdeflate_zlib_compress(compressor, input, length, output, capacity);
    libdeflate_free_compressor(compressor);
    return written;
}

/* PNG image data before compression from 32-bit native-endian xRGB pixels (Cairo's RGB24):
   each row a filter byte, 2 ("Up": the difference from the row above), then RGB. `filtered`
   holds (3 * width + 1) * height bytes. In C because a Swift debug build took seconds for the
   loop, and the tests draw many covers. */
static inline void bookify_png_rows_from_xrgb(const void *pixels, size_t stride, size_t width, size_t height, unsigned char *filtered) {
    size_t rowBytes = 3 * width + 1;
    for (size_t y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)((const unsigned char *)pixels + y * stride);
        const uint32_t *above = y > 0 ? (const uint32_t *)((const unsigned char *)pixels + (y - 1) * stride) : NULL;
        unsigned char *out = filtered + y * rowBytes;
        *out++ = 2;
        for (size_t x = 0; x < width; x++) {
            uint32_t pixel = row[x], up = above ? above[x] : 0;
            *out++ = (unsigned char)((pixel >> 16) - (up >> 16));
            *out++ = (unsigned char)((pixel >> 8) - (up >> 8));
            *out++ = (unsigned char)(pixel - up);
        }
    }
}

static inline size_t bookify_deflate_bound(size_t length) {
    return libdeflate_deflate_compress_bound(NULL, length);
}

static inline unsigned long bookify_crc32(const void *bytes, size_t length) {
    return libdeflate_crc32(0, bytes, length);
}

/* A CRC-32 continued over more bytes (a PNG chunk's type, then its data). */
static inline unsigned long bookify_crc32_continue(unsigned long crc, const void *bytes, size_t length) {
    return libdeflate_crc32((uint32_t)crc, bytes, length);
}

/* A libzip source whose bytes are already deflated: its stat says so (method, sizes, CRC), so
   zip_close copies them as they are instead of compressing again. Takes ownership of `bytes`
   (malloc'd). */
typedef struct {
    void *bytes;
    zip_uint64_t compressedSize, size, offset;
    zip_uint32_t crc;
} bookify_deflated_entry;

static inline zip_int64_t bookify_deflated_entry_callback(void *context, void *data, zip_uint64_t length, zip_source_cmd_t command) {
    bookify_deflated_entry *entry = (bookify_deflated_entry *)context;
    switch (command) {
    case ZIP_SOURCE_OPEN: entry->offset = 0; return 0;
    case ZIP_SOURCE_READ: {
        zip_uint64_t left = entry->compressedSize - entry->offset;
        zip_uint64_t count = length < left ? length : left;
        memcpy(data, (char *)entry->bytes + entry->offset, count);
        entry->offset += count;
        return (zip_int64_t)count;
    }
    case ZIP_SOURCE_CLOSE: return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *stat = (zip_stat_t *)data;
        zip_stat_init(stat);
        stat->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
        stat->size = entry->size;
        stat->comp_size = entry->compressedSize;
        stat->comp_method = ZIP_CM_DEFLATE;
        stat->encryption_method = ZIP_EM_NONE;
        stat->crc = entry->crc;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR: memset(data, 0, 2 * sizeof(int)); return 2 * sizeof(int);
    case ZIP_SOURCE_FREE: free(entry->bytes); free(entry); return 0;
    case ZIP_SOURCE_SUPPORTS: return ZIP_SOURCE_SUPPORTS_READABLE;
    default: return -1;
    }
}

static inline zip_source_t *bookify_deflated_source(zip_t *archive, void *bytes, zip_uint64_t compressedSize,
                                                    zip_uint64_t size, zip_uint32_t crc) {
    bookify_deflated_entry *entry = (bookify_deflated_entry *)malloc(sizeof *entry);
    if (!entry) return NULL;
    entry->bytes = bytes;
    entry->compressedSize = compressedSize;
    entry->size = size;
    entry->offset = 0;
    entry->crc = crc;
    zip_source_t *source = zip_source_function(archive, bookify_deflated_entry_callback, entry);
    if (!source) free(entry);
    return source;
}
#endif
