import { render } from 'preact';
import { SearchHome } from '@/components/SearchHome';
import '@/components/style.css';

document.body.classList.add('popup');
render(<SearchHome showQuickActions={false} />, document.getElementById('app')!);
