export { PlanChangeDialog, type PlanChangeDialogLabels, type PlanChangeDialogProps } from './PlanChangeDialog';
export { planChange, planChangeWith, type PlanChangeOptIn } from './planChange';
export { planChangeAction, type PlanChangeAction } from './planChangeAction';
