export * from './ad-hoc-sql';
export * from './attendees-by-country';
export * from './dashboard-panels';
export * from './pipeline-health';
export * from './read-only-sql';
