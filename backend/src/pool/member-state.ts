import type { PoolApproval, PoolMemberState, PoolSkillDto } from '@peakplan/contracts';

import { dateInWords } from './pool-time';

/** The member's state as one word, from their pool row (if any) and their manager's decision. */
export function memberState(joined: boolean, active: boolean, approval: PoolApproval): PoolMemberState {
  if (!joined) return 'not-joined';
  if (!active) return 'left';
  return approval;
}

/** The member's state in plain sentences, as they see it on their pool page. */
export function memberStateText(
  state: PoolMemberState,
  skills: PoolSkillDto[],
  leftOn: string | null,
  today: string,
): string[] {
  const lines: string[] = [];
  switch (state) {
    case 'not-joined':
      return ['You have not joined the pool yet.'];
    case 'left':
      return [
        leftOn
          ? `You left the pool on ${dateInWords(leftOn, today)}; join again to sign up.`
          : 'You left the pool.',
      ];
    case 'pending':
      lines.push("Waiting for your manager's approval.");
      break;
    case 'refused':
      lines.push('Your manager did not approve you for the pool.');
      break;
    case 'approved':
      lines.push('Approved by your manager.');
      break;
  }
  if (skills.length === 0) lines.push('No training recorded yet: ask your planner.');
  for (const skill of skills) {
    if (skill.trainedOn === null) lines.push(`Your ${skill.skill} training is not completed yet.`);
    else if (skill.trainedOn > today)
      lines.push(`Your ${skill.skill} training counts from ${dateInWords(skill.trainedOn, today)}.`);
    else if (skill.expiresOn !== null && skill.expiresOn <= today)
      lines.push(`Your ${skill.skill} training expired on ${dateInWords(skill.expiresOn, today)}.`);
    else if (skill.expiresOn !== null)
      lines.push(
        `Your ${skill.skill} training is current; it expires on ${dateInWords(skill.expiresOn, today)}.`,
      );
    else lines.push(`Your ${skill.skill} training is current.`);
  }
  return lines;
}
