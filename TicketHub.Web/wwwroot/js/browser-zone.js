// The IANA time zone the visitor's browser is set to, so their own pages can add their local time.
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
}
