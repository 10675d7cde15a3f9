-- AttendeeRegistered ⋈ countries: the country's name and world region, so dashboards and questions can
-- say "Netherlands" and "in Europe". LEFT JOIN: an unknown code keeps the event, with null columns.
SELECT batch.*, countries.name AS countryName, countries.region AS region
FROM batch
LEFT JOIN countries ON batch.country = countries.code
