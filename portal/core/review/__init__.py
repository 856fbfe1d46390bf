"""The optional review step: editors submit, reviewers approve and publish.

Off by default. With `CONTENT_REVIEW_REQUIRED = True` (environment: CONTENT_REVIEW_REQUIRED),
for the content apps' records (settings.CONTENT_APPS):

- an editor's save of a record visitors see (a published record, or one without a
  publication status such as a sector or the home page) is not written to it: the record and
  its inline rows, as saved, become a revision held by a `PendingChange`, and the form says
  it was submitted for review. A restore of an older version by an editor is a submission too;
- a record an editor adds is kept as a draft with a `PendingChange` asking for publication;
- editors cannot publish: the publication fields are read-only, the publish, withdraw and
  delete actions and the list's editable publication column are gone, and a published record
  cannot be deleted by them;
- reviewers (the permission `review.review_content`, the "Reviewers" group) see the queue, in
  the admin under Review, compare each change with the live record and approve it, which saves
  it as a new version of the record and renews the content version (so cached pages change),
  or reject it with a note for the editor.

The public site keeps showing the live rows, the last approved version, meanwhile. A pending
revision is never listed among a record's versions: only what was live is history.
"""
