import { expect, it } from 'vitest';
import { faultLabel } from './faultLabel.ts';

it('drops the time and shortens long fault lines', () => {
  expect(faultLabel('10s crash Kafka/2')).toBe('crash Kafka/2');
  expect(faultLabel('1.5s heal')).toBe('heal');
  expect(faultLabel('250ms slow Inventory 500ms')).toBe('slow Inventory 500ms');
  expect(faultLabel('10s partition Kafka/1 | Kafka/2,Kafka/3,Kafka/controller')).toBe('partition Kafka/1 | Kaf…');
});
