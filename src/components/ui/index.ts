/**
 * Billkit's shared UI pieces, on the `--billkit-*` tokens. Components import each from
 * its own file (so an app that renders one component pays for its pieces only); this
 * index is for Billkit's own components and stories.
 */
export { cx, type ClassValue } from './cx';
export { Button, buttonClasses, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button';
export { Badge, type BadgeProps, type BadgeTone } from './Badge';
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from './Card';
export { Skeleton } from './Skeleton';
export { Spinner } from './Spinner';
export { ErrorState, type ErrorStateProps } from './ErrorState';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { Notice, type NoticeProps, type NoticeTone } from './Notice';
export { Dialog, DialogClose, DialogContent, DialogTrigger, type DialogContentProps } from './Dialog';
export { AlertIcon, ArrowRightIcon, CheckIcon, DocumentIcon, DownloadIcon, InfoIcon, LayersIcon } from './icons';
