import { InvalidArgumentError } from 'commander';
import { parseControllerSetting, type ControllerSetting, type PortRef } from '@palisade/policy-engine';

/** Parsers for option values: a bad value is a usage error (exit 2) naming the option. */

export function parsePort(value: string): PortRef {
  const match = /^(\d{1,5})(?:\/(TCP|UDP|SCTP))?$/i.exec(value.trim());
  const port = match ? Number(match[1]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new InvalidArgumentError(`"${value}" is not PORT/PROTOCOL (e.g. 80/TCP, 53/UDP, 9000/SCTP)`);
  }
  return { port, protocol: (match[2] ?? 'TCP').toUpperCase() as PortRef['protocol'] };
}

export function collect<T>(parse: (value: string) => T) {
  return (value: string, previous: T[] | undefined): T[] => [...(previous ?? []), parse(value)];
}

export function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InvalidArgumentError(`"${value}" is not a score between 0 and 100`);
  }
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError(`"${value}" is not a whole number`);
  }
  return n;
}

export function parseIngressController(value: string): ControllerSetting {
  const setting = parseControllerSetting(value);
  if (typeof setting === 'string') throw new InvalidArgumentError(`"${value}": ${setting}`);
  return setting;
}
