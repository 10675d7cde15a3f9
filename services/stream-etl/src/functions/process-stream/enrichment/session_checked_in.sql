-- SessionCheckedIn ⋈ sessions: the session's title and track, for "top sessions" without a second join.
SELECT batch.*, sessions.title AS sessionTitle, sessions.track AS sessionTrack
FROM batch
LEFT JOIN sessions ON batch.sessionId = sessions.session_id
