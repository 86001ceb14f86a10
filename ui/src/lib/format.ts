// Dates as people read them. Event dates come as "YYYY-MM-DD" or "YYYY-MM"
// (month known only); timestamps as RFC 3339 in UTC.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2014-04-25" → "Apr 25, 2014"; "2014-06" → "Jun 2014"; anything else unchanged. */
export function formatEventDate(date: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return date;
  return m[3] ? `${month} ${Number(m[3])}, ${m[1]}` : `${month} ${m[1]}`;
}

/** How long ago a timestamp was, coarsely ("today", "3 days ago", "Mar 2, 2025"). */
export function formatActivity(timestamp: string, now: Date = new Date()): string {
  const t = new Date(timestamp);
  if (Number.isNaN(t.getTime())) return timestamp;
  const days = Math.floor((now.getTime() - t.getTime()) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  return formatEventDate(t.toISOString().slice(0, 10));
}

/** A timestamp as a local day and time: "Dec 3, 2026, 07:05"; anything else unchanged. */
export function formatTime(timestamp: string): string {
  const t = new Date(timestamp);
  if (Number.isNaN(t.getTime())) return timestamp;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  return `${formatEventDate(day)}, ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
