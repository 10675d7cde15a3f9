export * from './attendees-by-country';
