/** A department of the synthetic org, with the titles people in it hold. */
export interface Department {
  name: string;
  division: string;
  costCenter: string;
  head: string;
  roles: readonly string[];
}

/** The departments, one per direct report of the CEO (the first twelve people after the CEO). */
export const DEPARTMENTS: readonly Department[] = [
  {
    name: 'Engineering',
    division: 'Research & Development',
    costCenter: 'CC-100',
    head: 'Chief Technology Officer',
    roles: [
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Engineer',
      'Principal Engineer',
      'Site Reliability Engineer',
      'QA Engineer',
      'Engineering Intern',
    ],
  },
  {
    name: 'Product',
    division: 'Research & Development',
    costCenter: 'CC-110',
    head: 'Chief Product Officer',
    roles: ['Product Manager', 'Senior Product Manager', 'Technical Writer', 'Product Analyst'],
  },
  {
    name: 'Design',
    division: 'Research & Development',
    costCenter: 'CC-120',
    head: 'VP Design',
    roles: ['Product Designer', 'UX Researcher', 'Content Designer', 'Brand Designer'],
  },
  {
    name: 'Sales',
    division: 'Go-to-Market',
    costCenter: 'CC-200',
    head: 'Chief Revenue Officer',
    roles: [
      'Account Executive',
      'Sales Development Representative',
      'Solutions Engineer',
      'Enterprise Account Executive',
    ],
  },
  {
    name: 'Marketing',
    division: 'Go-to-Market',
    costCenter: 'CC-210',
    head: 'Chief Marketing Officer',
    roles: [
      'Product Marketing Manager',
      'Content Marketer',
      'Demand Generation Manager',
      'Events Coordinator',
    ],
  },
  {
    name: 'Customer Success',
    division: 'Go-to-Market',
    costCenter: 'CC-220',
    head: 'VP Customer Success',
    roles: [
      'Customer Success Manager',
      'Support Engineer',
      'Technical Account Manager',
      'Support Specialist',
    ],
  },
  {
    name: 'Finance',
    division: 'General & Administrative',
    costCenter: 'CC-300',
    head: 'Chief Financial Officer',
    roles: ['Financial Analyst', 'Accountant', 'Payroll Specialist', 'Procurement Specialist'],
  },
  {
    name: 'People',
    division: 'General & Administrative',
    costCenter: 'CC-310',
    head: 'Chief People Officer',
    roles: [
      'HR Business Partner',
      'Recruiter',
      'People Operations Specialist',
      'Learning & Development Lead',
    ],
  },
  {
    name: 'Legal',
    division: 'General & Administrative',
    costCenter: 'CC-320',
    head: 'General Counsel',
    roles: ['Corporate Counsel', 'Paralegal', 'Privacy Counsel', 'Contracts Manager'],
  },
  {
    name: 'IT',
    division: 'General & Administrative',
    costCenter: 'CC-330',
    head: 'Chief Information Officer',
    roles: ['IT Support Specialist', 'Systems Administrator', 'Identity Engineer', 'IT Asset Coordinator'],
  },
  {
    name: 'Security',
    division: 'General & Administrative',
    costCenter: 'CC-340',
    head: 'Chief Information Security Officer',
    roles: ['Security Engineer', 'Security Analyst', 'GRC Analyst', 'Incident Responder'],
  },
  {
    name: 'Operations',
    division: 'General & Administrative',
    costCenter: 'CC-350',
    head: 'Chief Operating Officer',
    roles: [
      'Operations Analyst',
      'Facilities Coordinator',
      'Workplace Manager',
      'Business Operations Manager',
    ],
  },
];

/** The department of the demo admin account. */
export const ADMIN_DEPARTMENT = 'IT';
/** The department of the demo employee account. */
export const EMPLOYEE_DEPARTMENT = 'Sales';
/** The department of the demo unassigned account. */
export const UNASSIGNED_DEPARTMENT = 'Operations';
