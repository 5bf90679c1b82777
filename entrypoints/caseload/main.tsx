import { render } from 'preact';
import { CaseloadApp } from './App';
import '../../components/styles.css';

const root = document.getElementById('app');
if (root) render(<CaseloadApp />, root);
