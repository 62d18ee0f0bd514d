package com.bellyfed.localaws.dynamodb.persistence;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The on-disk format, version 1. All integers are big-endian.
 *
 * <pre>
 * file header (20 bytes), at the start of every log segment and snapshot:
 *   int  magic       "BFJL" (log segment) or "BFJS" (snapshot)
 *   int  version     1
 *   long sequence    the segment's number; for a snapshot, the first segment replayed after it
 *   int  CRC32C of the 16 bytes above
 *
 * record frame (12 bytes + payload):
 *   int  length      of the payload, 0 .. MAX_RECORD_BYTES
 *   int  CRC32C of the 4 length bytes
 *   int  CRC32C of the 4 length bytes followed by the payload
 *   byte[length] payload
 *
 * snapshot footer (16 bytes), after a snapshot's last frame:
 *   int  -1          where a frame's length would be
 *   long records     how many frames the snapshot holds
 *   int  CRC32C of the 12 bytes above
 * </pre>
 *
 * <p>The length has a check of its own so that recovery can tell a torn tail from damage in the
 * middle: with a trusted length, a record that runs past the end of the file was being written when
 * the process died; an untrusted one means the rest of the file must be searched for intact records
 * before anything is dropped.
 */
final class Format {

  static final int SEGMENT_MAGIC = 0x42464A4C;
  static final int SNAPSHOT_MAGIC = 0x42464A53;
  static final int VERSION = 1;
  static final int FILE_HEADER_BYTES = 20;
  static final int FRAME_HEADER_BYTES = 12;
  static final int FOOTER_MARK = -1;
  static final int FOOTER_BYTES = 16;

  /**
   * 256 MiB. A transaction record holds at most 100 items of 400 KB; a larger length is damage
   * (or a caller's bug), and the bound keeps a damaged length from allocating gigabytes.
   */
  static final int MAX_RECORD_BYTES = 256 << 20;

  private Format() {}

  static ByteBuffer fileHeader(int magic, long sequence) {
    ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES);
    header.putInt(magic).putInt(VERSION).putLong(sequence);
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, 16);
    header.putInt((int) crc.getValue());
    return header.flip();
  }

  /**
   * Checks a file header (20 bytes at the buffer's position) and returns its sequence number. The
   * version is checked before the checksum: another version may lay out its header differently.
   */
  static long checkFileHeader(ByteBuffer header, int magic, Path file)
      throws JournalFormatException {
    int start = header.position();
    int actualMagic = header.getInt(start);
    if (actualMagic != magic) {
      throw new JournalFormatException(
          file + " is not a " + kind(magic) + " of the journal: its first bytes are 0x"
              + Integer.toHexString(actualMagic) + ", expected 0x" + Integer.toHexString(magic));
    }
    int version = header.getInt(start + 4);
    if (version != VERSION) {
      throw new JournalFormatException(
          file + " has journal format version " + version + ", but this local-aws reads only version "
              + VERSION + ": open the directory with the local-aws that wrote it, or delete it");
    }
    CRC32C crc = new CRC32C();
    crc.update(header.array(), header.arrayOffset() + start, 16);
    if (header.getInt(start + 16) != (int) crc.getValue()) {
      throw new JournalFormatException(file + ": the file header is damaged (checksum mismatch)");
    }
    return header.getLong(start + 8);
  }

  static String kind(int magic) {
    return magic == SEGMENT_MAGIC ? "log segment" : "snapshot";
  }

  static int lengthCheck(CRC32C crc, int length) {
    crc.reset();
    updateInt(crc, length);
    return (int) crc.getValue();
  }

  static int payloadCheck(CRC32C crc, byte[] payload) {
    crc.reset();
    updateInt(crc, payload.length);
    crc.update(payload, 0, payload.length);
    return (int) crc.getValue();
  }

  static ByteBuffer footer(long records) {
    ByteBuffer footer = ByteBuffer.allocate(FOOTER_BYTES);
    footer.putInt(FOOTER_MARK).putLong(records);
    CRC32C crc = new CRC32C();
    crc.update(footer.array(), 0, 12);
    footer.putInt((int) crc.getValue());
    return footer.flip();
  }

  private static void updateInt(CRC32C crc, int value) {
    crc.update(value >>> 24);
    crc.update(value >>> 16);
    crc.update(value >>> 8);
    crc.update(value);
  }
}
