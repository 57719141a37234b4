// A large message's attachments are counted, not decoded (src/message/textPartLimit.ts): the
// attachment list, sizes included, must be what mailparser gives when it decodes them.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseEml } from "../../src/message/parseEml.js";

const pdf = Buffer.alloc(5000, 7).toString("base64").replace(/.{76}/g, "$&\r\n");
const message =
  `From: ops@hotel.example\r\nTo: desk@hotel.example\r\nSubject: Rooms\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n` +
  `--b\r\nContent-Type: text/plain\r\n\r\nThe report is attached.\r\n` +
  `--b\r\nContent-Type: application/pdf; name="report.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${pdf}\r\n` +
  `--b\r\nContent-Type: text/csv; name="rooms.csv"\r\nContent-Disposition: attachment; filename="rooms.csv"\r\n\r\nroom,guest\r\n101,Ann\r\n` +
  `--b\r\nContent-Type: application/octet-stream; name="tail.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--b--\r\n`;

describe("attachments of a streamed message", () => {
  it("have the names, types and sizes mailparser finds by decoding them", async () => {
    const whole = await parseEml(Buffer.from(message));
    const streamed = await parseEml(Readable.from([Buffer.from(message)]));
    expect(whole.attachments.map((a) => a.size)).toEqual([5000, 19, 3]);
    expect(streamed.attachments).toEqual(whole.attachments);
    expect(streamed.text).toBe(whole.text);
  });
});
