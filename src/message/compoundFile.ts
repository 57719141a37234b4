/**
 * A structural check of an Outlook `.msg` compound file (MS-CFB) before @kenjiuno/msgreader reads
 * it. msgreader follows sector chains and the directory tree until it meets an end marker, so a
 * FAT entry that points at itself, a directory sibling that points back, or a stream that claims
 * 2 GB made it loop forever, recurse, or allocate until the process died (1 GB in 20 s on a
 * 600-byte file). Here every chain msgreader will follow is walked once, bounded by the number
 * of sectors, with each link checked to be in the file and not seen before; anything else is a
 * file error. Offsets and markers mirror msgreader's Reader.js, so what passes here is what it
 * then reads, and it reads nothing longer than the file.
 */
import { MalformedMessageError } from "./parseEml.js";

const END_OF_CHAIN = -2;
const FREE_SECTOR = -1;
const NO_ENTRY = -1;
const ENTRY_SIZE = 128;
const MINI_SECTOR_SIZE = 64;
/** Streams smaller than this live in the mini stream (MS-CFB §2.6.3: the cutoff is 4096). */
const MINI_STREAM_CUTOFF = 4096;
const HEADER_FAT_SLOTS = 109;
const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

function damaged(reason: string): MalformedMessageError {
  return new MalformedMessageError(`not a readable Outlook .msg file (damaged compound file: ${reason})`);
}

interface DirectoryEntry {
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export function checkCompoundFile(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 512) throw damaged("shorter than its 512-byte header");
  const int = (offset: number): number => {
    if (offset < 0 || offset + 4 > bytes.byteLength) throw damaged("a table runs past the end of the file");
    return view.getInt32(offset, true);
  };
  const sectorSize = bytes[30] === 12 ? 4096 : 512;
  const perSector = sectorSize / 4;
  const sectorCount = Math.max(0, Math.ceil((bytes.byteLength - sectorSize) / sectorSize));
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const inFile = (sector: number) => Number.isInteger(sector) && sector >= 0 && sector < sectorCount;

  // The FAT's own sectors: up to 109 listed in the header, the rest in the DIFAT chain.
  const fatCount = int(0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(Math.max(fatCount, 0), HEADER_FAT_SLOTS); i++) fatSectors.push(int(0x4c + 4 * i));
  let difatCount = int(0x48);
  if (difatCount > 0) {
    if (difatCount > sectorCount) throw damaged("more DIFAT sectors than the file holds");
    let remaining = fatCount - fatSectors.length;
    let next = int(0x44);
    const seen = new Set<number>();
    for (; difatCount > 0; difatCount--) {
      if (!inFile(next) || seen.has(next)) throw damaged("the DIFAT chain loops or leaves the file");
      seen.add(next);
      const take = Math.min(Math.max(remaining, 0), perSector - 1);
      let j = 0;
      for (; j < take; j++) {
        const sector = int(sectorOffset(next) + 4 * j);
        if (sector === FREE_SECTOR || sector === END_OF_CHAIN) break;
        fatSectors.push(sector);
      }
      remaining -= take;
      next = int(sectorOffset(next) + 4 * (perSector - 1));
      if (next === FREE_SECTOR || next === END_OF_CHAIN) break;
    }
  }
  for (const sector of fatSectors) if (!inFile(sector)) throw damaged("a FAT sector lies outside the file");

  /** The next link of `sector` in a table made of `tableSectors` (the FAT or the mini FAT). */
  const nextIn = (tableSectors: number[], sector: number): number => {
    const holder = tableSectors[Math.floor(sector / perSector)];
    return holder === undefined ? END_OF_CHAIN : int(sectorOffset(holder) + 4 * (sector % perSector));
  };
  /** Every sector of a chain, each in range and seen once, ending at the end-of-chain marker. */
  const walk = (start: number, tableSectors: number[], limit: number, what: string, maxLength = Infinity): number[] => {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let sector = start; sector !== END_OF_CHAIN && chain.length < maxLength; sector = nextIn(tableSectors, sector)) {
      if (!Number.isInteger(sector) || sector < 0 || sector >= limit) throw damaged(`the ${what} chain leaves the file`);
      if (seen.has(sector)) throw damaged(`the ${what} chain loops`);
      seen.add(sector);
      chain.push(sector);
    }
    return chain;
  };

  const directory = walk(int(0x30), fatSectors, sectorCount, "directory");
  if (!directory.length) throw damaged("no directory");
  const entries: DirectoryEntry[] = [];
  for (const sector of directory) {
    for (let offset = sectorOffset(sector); offset < sectorOffset(sector) + sectorSize && offset + ENTRY_SIZE <= bytes.byteLength; offset += ENTRY_SIZE) {
      const type = bytes[offset + 0x42];
      const used = type === TYPE_STORAGE || type === TYPE_STREAM || type === TYPE_ROOT;
      entries.push(
        used
          ? { type, left: int(offset + 0x44), right: int(offset + 0x48), child: int(offset + 0x4c), start: int(offset + 0x74), size: int(offset + 0x78) }
          : { type, left: NO_ENTRY, right: NO_ENTRY, child: NO_ENTRY, start: 0, size: 0 },
      );
    }
  }
  if (entries[0]?.type !== TYPE_ROOT) throw damaged("no root entry");

  // The directory is a tree (each storage's children a red-black tree by left/right): every entry
  // is reached at most once from the root, or msgreader would walk it forever.
  const reached = new Set<number>([0]);
  const pending: number[] = [entries[0].child];
  while (pending.length) {
    const id = pending.pop()!;
    if (id === NO_ENTRY) continue;
    if (!Number.isInteger(id) || id < 0 || id >= entries.length) throw damaged("a directory link points outside the directory");
    if (reached.has(id)) throw damaged("the directory tree loops");
    reached.add(id);
    const entry = entries[id];
    pending.push(entry.left, entry.right);
    if (entry.type === TYPE_STORAGE) pending.push(entry.child);
  }

  // msgreader reads the mini FAT's first `count` sectors, and none when it would start at sector 0.
  const miniFatStart = int(0x3c);
  const miniFat = miniFatStart === 0 ? [] : walk(miniFatStart, fatSectors, sectorCount, "mini FAT", Math.max(int(0x40), 0));
  const miniStream = walk(entries[0].start, fatSectors, sectorCount, "mini stream");
  const miniSectorCount = (miniStream.length * sectorSize) / MINI_SECTOR_SIZE;
  for (const id of reached) {
    const entry = entries[id];
    if (entry.type !== TYPE_STREAM || entry.size === 0) continue;
    // No stream holds more than the file does: the size is what msgreader allocates up front.
    if (entry.size < 0 || entry.size > bytes.byteLength) throw damaged("a stream is larger than the file");
    if (entry.size < MINI_STREAM_CUTOFF) walk(entry.start, miniFat, miniSectorCount, "mini stream sector");
    else if (walk(entry.start, fatSectors, sectorCount, "stream").length * sectorSize < entry.size) throw damaged("a stream is cut short");
  }
}
