import type { Role } from '@peakplan/contracts';

/** Demo mode only: every demo account has this password. Outside demo mode no account has a default password. */
export const DEMO_PASSWORD = 'peakplan-demo';

export const DEMO_DEPARTMENTS = [
  'Marketing',
  'Finance',
  'Logistics',
  'IT',
  'HR',
  'Sales',
  'Purchasing',
  'Studio',
];

/** The department the demo manager manages. */
export const DEMO_MANAGER_DEPARTMENT = 'Marketing';
export const DEMO_POOL_SIZE = 200;

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  department: string | null;
}

const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Chantal',
  'Daan',
  'Eva',
  'Finn',
  'Germaine',
  'Hidde',
  'Iris',
  'Joost',
  'Kim',
  'Lars',
  'Maud',
  'Noah',
  'Olga',
  'Pim',
  'Roos',
  'Sem',
  'Tess',
  'Umut',
];
const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
];

export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { email: 'admin@peakplan.test', name: 'Ada Admin', roles: ['admin'], department: null },
    {
      email: 'planner@peakplan.test',
      name: 'Pieter Planner',
      roles: ['planner'],
      department: 'Customer Service',
    },
    {
      email: 'manager@peakplan.test',
      name: 'Marieke Manager',
      roles: ['manager'],
      department: DEMO_MANAGER_DEPARTMENT,
    },
  ];
  for (let index = 1; index <= DEMO_POOL_SIZE; index++) {
    const number = String(index).padStart(3, '0');
    accounts.push({
      email: `member${number}@peakplan.test`,
      name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 7) % LAST_NAMES.length]}`,
      roles: ['pool-member'],
      department: DEMO_DEPARTMENTS[index % DEMO_DEPARTMENTS.length],
    });
  }
  return accounts;
}
