import { expect, it } from 'vitest';
import { faultLabel, faultSeconds } from './faultLabel.ts';

it('drops the time and shortens long fault lines', () => {
  expect(faultLabel('10s crash Kafka/2')).toBe('crash Kafka/2');
  expect(faultLabel('1.5s heal')).toBe('heal');
  expect(faultLabel('250ms slow Inventory 500ms')).toBe('slow Inventory 500ms');
  expect(faultLabel('10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller')).toBe('partition Kafka/1 | Kaf…');
});

it('reads the time of a fault line', () => {
  expect(faultSeconds('10s crash Kafka/2')).toBe(10);
  expect(faultSeconds('12345.5ms heal')).toBeCloseTo(12.3455);
  expect(faultSeconds('2m restart Kafka/2')).toBe(120);
  expect(faultSeconds('crash Kafka/2')).toBeNull();
});
