'use client';

import Form from 'next/form';
import { useState } from 'react';
import shared from '../components/dashboard.module.css';
import type { TrendRange } from '../overview/trend-range';
import type { Direction, ExplainFields } from './explain-query';
import styles from './workload-detail.module.css';

export const PEERS_LIST = 'explain-peers';

/**
 * A GET form: its state is the page's URL, so it works without JavaScript (next/form only
 * spares the full reload when JavaScript runs) and an explanation can be reloaded or shared.
 * The fields follow the URL when another question arrives (an "Explain" link, back/forward),
 * not when a live refresh re-renders the same question, so typing is never lost.
 */
export function ExplainForm({
  action,
  fields,
  range,
  self,
}: {
  readonly action: string;
  readonly fields: ExplainFields;
  readonly range: TrendRange;
  readonly self: string;
}) {
  const [asked, setAsked] = useState(fields);
  const [peer, setPeer] = useState(fields.peer);
  const [direction, setDirection] = useState<Direction>(fields.direction);
  const [port, setPort] = useState(fields.port);
  if (
    asked.peer !== fields.peer ||
    asked.direction !== fields.direction ||
    asked.port !== fields.port
  ) {
    setAsked(fields);
    setPeer(fields.peer);
    setDirection(fields.direction);
    setPort(fields.port);
  }

  return (
    <Form
      action={action}
      scroll={false}
      className={styles.explainForm}
      aria-label="Explain a connection"
    >
      {range !== 'week' ? <input type="hidden" name="range" value={range} /> : null}
      <div className={shared.field}>
        <label htmlFor="explain-peer">Peer</label>
        <input
          id="explain-peer"
          name="peer"
          list={PEERS_LIST}
          value={peer}
          onChange={(event) => setPeer(event.target.value)}
          placeholder="namespace/Kind/name or 8.8.8.8"
          autoComplete="off"
          spellCheck={false}
          required
        />
      </div>
      <fieldset className={styles.direction}>
        <legend>Direction</legend>
        <label>
          <input
            type="radio"
            name="direction"
            value="in"
            checked={direction === 'in'}
            onChange={() => setDirection('in')}
          />{' '}
          Peer → {self}
        </label>
        <label>
          <input
            type="radio"
            name="direction"
            value="out"
            checked={direction === 'out'}
            onChange={() => setDirection('out')}
          />{' '}
          {self} → peer
        </label>
      </fieldset>
      <div className={shared.field}>
        <label htmlFor="explain-port">Port</label>
        <input
          id="explain-port"
          name="port"
          value={port}
          onChange={(event) => setPort(event.target.value)}
          placeholder="8080/TCP"
          size={10}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <button type="submit" className={shared.primaryButton}>
        Explain
      </button>
    </Form>
  );
}
