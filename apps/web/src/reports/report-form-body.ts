import {
  dateEndIso,
  dateStartIso,
  text,
  type BodyResult,
  type FormFields,
} from '../alerts/form-bodies';

/** POST /api/reports: no clusterId is the fleet; no dates: the API's default period. */
export interface ReportBody {
  readonly clusterId?: string;
  readonly from?: string;
  readonly to?: string;
}

/** The "to" date is inclusive: the period ends when that day ends (the API's `to` is exclusive). */
export function reportBodyOf(form: FormFields): BodyResult<ReportBody> {
  const scope = text(form, 'scope');
  const fromText = text(form, 'from');
  const toText = text(form, 'to');
  const from = fromText ? dateStartIso(fromText) : undefined;
  const to = toText ? dateEndIso(toText) : undefined;
  const errors = [
    ...(fromText && !from ? [{ field: 'from', message: 'must be a date (YYYY-MM-DD)' }] : []),
    ...(toText && !to ? [{ field: 'to', message: 'must be a date (YYYY-MM-DD)' }] : []),
  ];
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      ...(scope && scope !== 'fleet' ? { clusterId: scope } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
  };
}
