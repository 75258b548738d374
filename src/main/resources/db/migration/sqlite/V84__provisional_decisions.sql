-- Comments published on the fast stage's scores while the accurate stage was still at work carry "by":"provisional"
-- in their moderation until the final decision replaces it. A stop in between leaves some so marked; start-up decides
-- them again (CommentService.settleLeftovers). This index holds only those, so finding them costs nothing.
CREATE INDEX comments_provisional ON comments (id) WHERE moderation LIKE '%"by":"provisional"%';
