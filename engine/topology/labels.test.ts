import { describe, expect, it } from 'vitest';
import { decodeLabel, encodeLabel, encodeMarkdownLabel } from './labels.ts';

describe('labels', () => {
  it('decodes what mermaid shows', () => {
    expect(decodeLabel('  Order<br>Service<BR/>x</br>y  ')).toBe('Order\nService\nx\ny');
    expect(decodeLabel('#quot;a#quot; #35; #9829; #amp; #unknown;')).toBe('"a" # ♥ & &unknown;');
    expect(decodeLabel('line\r\nbreak')).toBe('line\nbreak');
  });

  it('writes bare labels bare and quotes the rest so they read back the same', () => {
    expect(encodeLabel('Orders DB')).toBe('Orders DB');
    expect(encodeLabel('Kafka Broker: orders-topic')).toBe('Kafka Broker: orders-topic');
    for (const label of ['a (b)', 'say "hi"', 'two\nlines', '#35; literal', 'a|b', 'x -- y', '', ' padded', 'a/b']) {
      const written = encodeLabel(label);
      expect(written.startsWith('"'), label).toBe(true);
      expect(decodeLabel(written.slice(1, -1)), label).toBe(label.trim());
    }
    expect(encodeMarkdownLabel('**b**')).toBe('"`**b**`"');
  });
});
