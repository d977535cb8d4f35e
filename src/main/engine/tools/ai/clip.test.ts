// The CLIP loader on a real (tiny) ONNX model built by the test: files found or named as
// missing, images and text embedded by onnxruntime-node, and a damaged file refused in words.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/sample-images';
import { colourImage, TINY_COLOURS, writeTinyClip } from '../../../test-support/tiny-clip';
import { visionInput } from './ai-input';
import { analyseImage } from './analyse-image';
import { clipModelId, findClip, loadClip } from './clip';

const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe('findClip', () => {
  it('says what is missing, and where it goes', async () => {
    const dir = join(await tempDir('clip'), 'models', 'clip');
    expect(findClip(dir).available).toBe(false);
    expect(findClip(dir).reason).toMatch(
      /No semantic search model: put .*vision_model\.onnx.*text_model\.onnx.*tokenizer\.json in .*models\/clip.*README/,
    );
    await writeTinyClip(dir);
    expect(findClip(dir).available).toBe(true);
    await rm(join(dir, 'text_model.onnx'));
    await rm(join(dir, 'tokenizer.json'));
    const { reason } = findClip(dir);
    expect(reason).toMatch(/has no text encoder \(a file named like text_model\.onnx\)/);
    expect(reason).toMatch(/has no tokenizer\.json/);
    await writeFile(join(dir, 'image_encoder.onnx'), 'x');
    expect(findClip(dir).reason).toMatch(
      /has 2 image encoders \(image_encoder\.onnx, vision_model\.onnx\): keep one/,
    );
  });

  it('names the model by its files, so other files are another model', async () => {
    const dir = await tempDir('clip');
    expect(clipModelId(dir)).toBeNull();
    await writeTinyClip(dir);
    const first = clipModelId(dir);
    expect(first).toMatch(/^clip-[0-9a-f]{16}$/);
    expect(clipModelId(dir)).toBe(first);
    await writeFile(join(dir, 'packshot-clip.json'), '{"textFloor": 0.5}');
    expect(clipModelId(dir)).not.toBe(first);
  });
});

describe('loadClip', () => {
  it('embeds coloured images and words so that "red" is nearest the red image', async () => {
    const dir = await tempDir('clip');
    await writeTinyClip(dir);
    const model = await loadClip(dir);
    expect(model.id).toBe(clipModelId(dir));
    const images = new Map<string, Float32Array>();
    for (const [name, rgb] of Object.entries(TINY_COLOURS))
      images.set(name, await model.embedImage(await visionInput(await colourImage(rgb, 300))));
    for (const v of images.values()) expect(dot(v, v)).toBeCloseTo(1, 5);
    for (const word of ['red', 'green', 'blue']) {
      const text = await model.embedText(`A ${word.toUpperCase()} shoe on rocks`);
      expect(dot(text, text)).toBeCloseTo(1, 5);
      const ranked = [...images].sort((a, b) => dot(text, b[1]) - dot(text, a[1]));
      expect(ranked[0]?.[0]).toBe(word);
      expect(dot(text, images.get(word) as Float32Array)).toBeGreaterThan(0.9);
    }
    // A text longer than the model takes is cut, not refused.
    expect((await model.embedText('red '.repeat(200))).length).toBe(4);
  });

  it("is what analyseImage's embedding task runs (the AI process's one function)", async () => {
    const dir = await tempDir('clip');
    await writeTinyClip(dir);
    const source = join(dir, 'blue.png');
    await writeFile(source, await colourImage(TINY_COLOURS.blue, 200));
    const result = await analyseImage({ source, tasks: ['embedding'], clipDir: dir });
    expect(result.errors).toEqual({});
    expect(result.embedding?.model).toBe(clipModelId(dir));
    const blue = await (await loadClip(dir)).embedText('blue');
    expect(dot(result.embedding?.vector as Float32Array, blue)).toBeGreaterThan(0.9);
  });

  it('refuses a damaged encoder with words that say which file and what to do', async () => {
    const dir = await tempDir('clip');
    await writeTinyClip(dir);
    await writeFile(
      join(dir, 'vision_model.onnx'),
      Buffer.from('not a model, a truncated download'),
    );
    const model = await loadClip(dir);
    const pixels = await visionInput(await colourImage(TINY_COLOURS.red));
    await expect(model.embedImage(pixels)).rejects.toThrow(
      /The image encoder .*vision_model\.onnx cannot be loaded \(Protobuf parsing failed\.\): the file is damaged or not an ONNX model; copy it again/,
    );
    // The text encoder is another file and still works.
    expect((await model.embedText('red')).length).toBe(4);
  });

  it('refuses a folder without a model, and a bad packshot-clip.json, naming the fault', async () => {
    const dir = await tempDir('clip');
    await expect(loadClip(dir)).rejects.toThrow(/No semantic search model/);
    await writeTinyClip(dir);
    await writeFile(join(dir, 'packshot-clip.json'), '{"mean": [0.5, 0.5]}');
    await expect(loadClip(dir)).rejects.toThrow(
      /packshot-clip\.json: "mean" must be three non-zero numbers/,
    );
    await writeFile(join(dir, 'packshot-clip.json'), '{"size": 16, "textFloor": 0.3}');
    const model = await loadClip(dir);
    expect(model.settings).toEqual({ size: 16, textFloor: 0.3 });
    // The model's 8 px input is fixed: the override is passed on and the model says no.
    await expect(
      model.embedImage(await visionInput(await colourImage(TINY_COLOURS.red))),
    ).rejects.toThrow(/dimension|shape|Got/i);
  });
});
