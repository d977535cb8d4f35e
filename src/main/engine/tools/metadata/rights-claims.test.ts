// The file's own rights claims, written by exiftool (the reference writer), read at index
// and returned by assets.get and rights.get.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';

let h: Harness;
let folder: string;
const exiftool = new ExifTool({ maxProcs: 1 });

beforeAll(async () => {
  folder = await tempDir('claims');
  const shot = join(folder, 'claimed.jpg');
  await writeFile(shot, await makeImage(64, 48, 'jpeg', 1));
  await writeFile(join(folder, 'plain.jpg'), await makeImage(64, 48, 'jpeg', 2));
  await exiftool.write(
    shot,
    {
      'XMP-dc:Rights': '© Getty',
      'XMP-xmpRights:UsageTerms': 'Web shop only',
      'XMP-xmpRights:WebStatement': 'https://licence.example/42',
      'XMP-plus:LicensorName': 'Getty',
      'XMP-plus:LicensorID': 'G-1',
      'XMP-plus:LicenseID': 'L-42',
      'IPTC:ExpirationDate': '2027:03:04',
    } as never,
    { writeArgs: ['-overwrite_original'] },
  );
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
}, 60_000);

afterAll(async () => {
  await exiftool.end();
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

it('reads xmpRights, PLUS and IPTC claims at index', async () => {
  const claimed = await h.byName('claimed.jpg');
  const detail = await h.call('assets.get', { id: claimed.id });
  expect(detail.rightsClaims).toEqual({
    usageTerms: 'Web shop only',
    webStatement: 'https://licence.example/42',
    licensor: 'Getty',
    licenceId: 'L-42',
    expirationDate: '2027-03-04',
    copyright: '© Getty',
  });
  expect((await h.call('rights.get', { id: claimed.id })).claims).toEqual(detail.rightsClaims);
  const plain = await h.byName('plain.jpg');
  expect((await h.call('assets.get', { id: plain.id })).rightsClaims).toBeNull();
});

it('a sidecar written later adds its claims at the next scan', async () => {
  const plain = await h.byName('plain.jpg');
  await writeFile(
    join(folder, 'plain.xmp'),
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">
    <xmpRights:WebStatement>https://licence.example/7</xmpRights:WebStatement>
    </rdf:Description></rdf:RDF></x:xmpmeta>`,
  );
  await h.call('catalogs.scan', {});
  await h.call('jobs.wait', {});
  expect((await h.call('assets.get', { id: plain.id })).rightsClaims).toEqual({
    webStatement: 'https://licence.example/7',
  });
});
