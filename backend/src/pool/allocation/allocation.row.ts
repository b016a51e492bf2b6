import type {
  AllocationAssignmentDto,
  AllocationDto,
  AllocationExplanationDto,
  AllocationObjectiveDto,
  AllocationPin,
  AllocationStatus,
} from '@peakplan/contracts';

/** A `pool_allocation` row: a run's input, its roster, objective and explanations. */
export interface AllocationRow {
  id: string;
  organisation_id: string;
  status: AllocationStatus;
  shift_ids: string[];
  pins: AllocationPin[];
  previous_id: string | null;
  trigger: 'planner' | 'window-close';
  assignments: AllocationAssignmentDto[] | null;
  objective: AllocationObjectiveDto | null;
  explanations: AllocationExplanationDto[] | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  published_at: Date | null;
}

export const ALLOCATION_COLUMNS = `id, organisation_id, status, shift_ids, pins, previous_id, trigger, assignments,
  objective, explanations, error, created_at, finished_at, published_at`;

const key = (assignment: AllocationAssignmentDto) => `${assignment.shiftId}|${assignment.memberId}`;

/** Assignments of `current` that `previous` lacks, and the other way round. */
export function assignmentChanges(
  previous: readonly AllocationAssignmentDto[],
  current: readonly AllocationAssignmentDto[],
): { added: AllocationAssignmentDto[]; removed: AllocationAssignmentDto[] } {
  const before = new Set(previous.map(key));
  const after = new Set(current.map(key));
  return {
    added: current.filter((assignment) => !before.has(key(assignment))),
    removed: previous.filter((assignment) => !after.has(key(assignment))),
  };
}

export function toAllocationDto(row: AllocationRow, previous: AllocationRow | null): AllocationDto {
  const assignments = row.assignments ?? [];
  return {
    id: row.id,
    status: row.status,
    shiftIds: row.shift_ids,
    pins: row.pins,
    trigger: row.trigger,
    assignments,
    objective: row.objective,
    explanations: row.explanations ?? [],
    changes:
      previous && previous.status === 'done' && row.status === 'done'
        ? { previousId: previous.id, ...assignmentChanges(previous.assignments ?? [], assignments) }
        : null,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}
