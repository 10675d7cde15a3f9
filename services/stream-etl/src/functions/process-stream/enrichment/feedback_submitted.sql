-- FeedbackSubmitted ⋈ sessions: the session's title and track next to each rating.
SELECT batch.*, sessions.title AS sessionTitle, sessions.track AS sessionTrack
FROM batch
LEFT JOIN sessions ON batch.sessionId = sessions.session_id
