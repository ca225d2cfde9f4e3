/** An update carried a version that is no longer current; nothing was changed. */
export class VersionConflictError extends Error {
  readonly code = 'version_conflict';
  constructor(
    readonly contributionId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`Version conflict on contribution ${contributionId}: expected ${expectedVersion}, current ${currentVersion}`);
  }
}

export class NotFoundError extends Error {
  readonly code = 'not_found';
  constructor(readonly contributionId: string) {
    super(`Contribution ${contributionId} not found`);
  }
}
