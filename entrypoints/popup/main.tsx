import { render } from 'preact';
import { SearchHome } from '@/components/SearchHome';
import { text } from '@/lib/i18n/messages';
import '@/components/style.css';

document.title = text('productName');
document.body.classList.add('popup');
render(<SearchHome showQuickActions={false} focusSearch />, document.getElementById('app')!);
