// How numbers, dates and ages read on the page.

const money = new Intl.NumberFormat('es', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat('es', { dateStyle: 'short', timeStyle: 'medium' });

export function formatPrice(value) {
  return typeof value === 'number' ? money.format(value) : '';
}

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** `42 s`, `3 min`, `2 h`, `1 d`; empty when unknown. */
export function formatAge(seconds) {
  if (seconds === null || seconds === undefined) return '';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

/** `STOCK_INSUFICIENTE: mensaje`, or empty. */
export function formatMotivo(motivo) {
  return motivo ? `${motivo.codigo}: ${motivo.mensaje}` : '';
}
