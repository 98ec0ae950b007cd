import { describe, expect, it } from 'vitest';
import { at, count, describe as describeMessage, list, percent, plural, seconds, sentence } from './words.ts';

describe('words', () => {
  it('writes numbers with thousands separators whatever the locale', () => {
    expect(count(0)).toBe('0');
    expect(count(1204)).toBe('1,204');
    expect(count(1234567)).toBe('1,234,567');
    expect(count(-4500)).toBe('-4,500');
  });

  it('counts nouns', () => {
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(2, 'event')).toBe('2 events');
    expect(plural(3, 'redelivery', 'redeliveries')).toBe('3 redeliveries');
  });

  it('writes simulated time in seconds with one decimal, and run times plainly', () => {
    expect(seconds(10_000_000)).toBe('10.0 s');
    expect(seconds(12_449_000)).toBe('12.4 s');
    expect(at(40)).toBe('40 s');
    expect(at(2.5)).toBe('2.5 s');
  });

  it('never rounds a share up to 100%', () => {
    expect(percent(0.9999)).toBe('99.9%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0.744)).toBe('74.4%');
  });

  it('joins names as prose and starts sentences', () => {
    expect(list([])).toBe('');
    expect(list(['A'])).toBe('A');
    expect(list(['A', 'B'])).toBe('A and B');
    expect(list(['A', 'B', 'C'])).toBe('A, B and C');
    expect(sentence('by 60 s')).toBe('By 60 s');
  });

  it('names a message with its key and where it sits', () => {
    expect(describeMessage({ id: 88, key: 'customer-7', partition: 'orders-topic-3', offset: 1200 })).toBe('#88 (customer-7, orders-topic-3 offset 1,200)');
    expect(describeMessage({ id: 5, key: null, partition: 'orders-0' })).toBe('#5 (no key, orders-0)');
    expect(describeMessage({ id: 6, key: 'customer-1' })).toBe('#6 (customer-1)');
  });
});
